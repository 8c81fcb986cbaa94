"""The printed reallocation proposal (调剂方案建议稿): PDF, printer and print preview.

    from ui.report import write_proposal_pdf, ProposalDocument
    write_proposal_pdf(proposal, "proposal.pdf", lang="zh_CN")    # headless is fine
    ProposalDocument(proposal, "zh_CN").print_to(printer)          # QPrinter / preview
"""

from ui.report.render import ProposalDocument, write_proposal_pdf

__all__ = ["ProposalDocument", "write_proposal_pdf"]
