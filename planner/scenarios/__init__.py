"""What-if scenarios: changes on top of the ledger, merged and split townships, saved scenarios."""
