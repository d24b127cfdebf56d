import type { CreateEmbeddingResponse, EmbeddingCreateParams } from 'openai/resources/embeddings';
import type { EmbedRequest, EmbedResponse } from '../../contract/protocol-client.ts';
import { VerifyError } from '../../contract/verify-error.ts';

/** The body of POST /embeddings: float vectors (base64 would need decoding and hides nothing more). */
export function toEmbeddingParams(request: EmbedRequest): EmbeddingCreateParams {
  return { model: request.model, input: request.input, encoding_format: 'float' };
}

/**
 * Vectors ordered by each item's `index` (the protocol's own order key). A response with a
 * missing or duplicate index, or with fewer items than inputs, breaks the protocol.
 */
export function fromEmbeddingResponse(response: CreateEmbeddingResponse, inputs: number): EmbedResponse {
  const data = Array.isArray(response.data) ? response.data : [];
  const vectors: number[][] = [];
  for (const item of data) {
    if (typeof item.index !== 'number' || vectors[item.index] !== undefined) {
      throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: `openai /embeddings: item with missing or duplicate index ${String(item.index)}` });
    }
    vectors[item.index] = item.embedding;
  }
  if (data.length !== inputs || vectors.some((vector) => vector === undefined)) {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: `openai /embeddings: ${data.length} vectors for ${inputs} inputs` });
  }
  const result: EmbedResponse = { vectors, model: response.model };
  if (response.usage && typeof response.usage.prompt_tokens === 'number') result.usage = { input: response.usage.prompt_tokens };
  return result;
}
