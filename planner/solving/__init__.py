"""The bridge to the optimizer: a county in, a checked proposal out."""
