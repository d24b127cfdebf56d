import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { NUMBER_IMAGE, NUMBER_IN_IMAGE } from '../../fixtures/media/media.ts';
import { checkFileReachesModel } from './media-input.ts';

/** An image part: the prompt tokens grow [protocol] and the answer reads the number only the image shows [model]. */
export const visionInputTest: VerifyTestDefinition = {
  id: 'vision_input',
  description: 'A PNG (the digits 481) with the question: input tokens grow by ≥ 16 over the same prompt without it (silent-drop detection) [protocol]; the answer names 481 [model].',
  requires: ['chat', 'usage', 'vision'],
  tags: ['multimodal'],
  assertion: 'model',
  unsupportedNote: 'image parts are mapped for every protocol that carries them and unit-tested on recorded request shapes; not live-verified here (no vision model)',
  async run(context) {
    await checkFileReachesModel(context, NUMBER_IMAGE, 'What number is written in the image? Answer with the digits only.', new RegExp(NUMBER_IN_IMAGE), 16);
  },
};
