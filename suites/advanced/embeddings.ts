import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { harnessCheck, modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { cosine, unsupportedWhenAbsent } from './advanced-kit.ts';

const CAT = 'The cat sat on the warm mat by the fire.';
const CAT_AGAIN = 'A cat was sitting on a mat near the fireplace.';
const FINANCE = 'Quarterly revenue rose eight percent on strong bond sales.';

/** Two vectors this close are the same vector (float noise of a deterministic server aside). */
const SAME = 0.9999;

/**
 * Embeddings from the target's endpoint: one vector per input, the declared dimension, the same
 * input giving the same vector and batch order kept across two calls [protocol]; two sentences
 * about a cat closer to each other than to one about revenue [model].
 */
export const embeddingsTest: VerifyTestDefinition = {
  id: 'embeddings',
  description: 'Embeddings: one vector per input of the declared dimension, same input → same vector, batch order preserved across calls [protocol]; cosine(similar) > cosine(unrelated) [model]; usage where the protocol defines it (checked by the adapter).',
  requires: ['embeddings'],
  tags: ['embeddings'],
  assertion: 'protocol',
  async run(context) {
    const { client, model } = context.target;
    const embed = client.embed?.bind(client);
    harnessCheck(embed !== undefined, `the ${client.protocol} client has no embed() although its protocol does not exclude embeddings`);
    const first = await unsupportedWhenAbsent(context, 'embeddings endpoint', () => embed({ model: model.id, input: [CAT, CAT_AGAIN, FINANCE] }, { signal: context.signal }));
    const second = await embed({ model: model.id, input: [FINANCE, CAT] }, { signal: context.signal });
    const dimension = first.vectors[0]?.length ?? 0;
    context.record('dimension', dimension);
    if (first.usage?.input !== undefined) context.record('inputTokens', first.usage.input);
    protocolCheck(dimension > 0, 'the first vector is empty');
    for (const vector of [...first.vectors, ...second.vectors]) {
      protocolCheck(vector.length === dimension, `vectors of different lengths in one model's answers: ${vector.length} and ${dimension}`);
      protocolCheck(vector.every((value) => Number.isFinite(value)), 'a vector holds a value that is not a finite number');
    }
    if (model.embeddingDimensions !== undefined) {
      protocolCheck(dimension === model.embeddingDimensions, `dimension ${dimension}, the model declares ${model.embeddingDimensions}`);
    }
    const [cat, catAgain, finance] = first.vectors as [number[], number[], number[]];
    const [financeLater, catLater] = second.vectors as [number[], number[]];
    const sameCat = cosine(cat, catLater);
    const sameFinance = cosine(finance, financeLater);
    context.record('cosineSameInput', [sameCat, sameFinance]);
    protocolCheck(sameCat >= SAME && sameFinance >= SAME, `the same input gave different vectors (or the batch order was not kept): cosine ${sameCat.toFixed(5)} / ${sameFinance.toFixed(5)}`);
    const similar = cosine(cat, catAgain);
    const unrelated = cosine(cat, finance);
    context.record('cosineSimilar', similar);
    context.record('cosineUnrelated', unrelated);
    modelCheck(similar > unrelated, `cosine(similar) ${similar.toFixed(4)} is not above cosine(unrelated) ${unrelated.toFixed(4)}`);
  },
};
