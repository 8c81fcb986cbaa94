"""The printed reallocation proposal (调剂方案建议稿): PDF, printer and print preview.

    from ui.report import write_proposal_pdf, ProposalDocument
    write_proposal_pdf(proposal, "proposal.pdf", lang="zh_CN")    # headless is fine; body and annexes
    write_proposal_pdf(proposal, "body.pdf", part=BODY)             # or the body alone, or ANNEXES
    ProposalDocument(proposal, "zh_CN").print_to(printer)          # QPrinter / preview
"""

from ui.report.content import ALL, ANNEXES, BODY, PARTS
from ui.report.render import ProposalDocument, write_proposal_pdf

__all__ = ["ALL", "ANNEXES", "BODY", "PARTS", "ProposalDocument", "write_proposal_pdf"]
