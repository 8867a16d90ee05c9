"""Energy subject: PLN electricity, the grid, power plants, renewable potential and the RUPTL plan.

``common`` holds what the energy steps share (technology lists, flag columns); the others define ``STEPS``.
"""
