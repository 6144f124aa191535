"""A simulated relay that speaks every dialect: for demos, tests and benchmarks."""
