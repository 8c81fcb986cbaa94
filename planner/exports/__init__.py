"""Documents written from a proposal or a comparison: workbooks and charts."""
