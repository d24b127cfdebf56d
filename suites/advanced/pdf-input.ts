import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { ACCESS_CODE, ACCESS_CODE_PDF } from '../../fixtures/media/media.ts';
import { checkFileReachesModel } from './media-input.ts';

/** A PDF document part: the prompt tokens grow [protocol] and the answer quotes the code only the PDF holds [model]. */
export const pdfInputTest: VerifyTestDefinition = {
  id: 'pdf_input',
  description: 'A one-page PDF ("The access code is PELICAN-7.") with the question: input tokens grow by ≥ 8 over the same prompt without it [protocol]; the answer names PELICAN-7 [model].',
  requires: ['chat', 'usage', 'pdf_input'],
  tags: ['multimodal'],
  assertion: 'model',
  unsupportedNote: 'PDF parts are mapped for every protocol that carries them and unit-tested on recorded request shapes; not live-verified here (no model reads PDFs here)',
  async run(context) {
    await checkFileReachesModel(context, ACCESS_CODE_PDF, 'What is the access code in the attached document? Answer with the code only.', new RegExp(ACCESS_CODE.replace('-', '.?'), 'i'), 8);
  },
};
