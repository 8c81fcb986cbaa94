"""The deterministic demo county and its example scenarios."""
