/** Checks of the PDFs the BFF writes (receipts), without a PDF library: the ones its own unit tests use. */
export { checkStructure, shownTexts } from '@suijing/bff/libraries/simple-pdf.fixtures';
