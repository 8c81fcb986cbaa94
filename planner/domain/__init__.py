"""The rules of the domain as plain data: county ledger data, workload, edit rules, proposal checks."""
