"""Pure optimisation: A/B post design, county reallocation, moves and explanations."""
