import { readFileSync } from 'node:fs';

/** The tools-capable ChatML template the harness registers the test model with (see the fixture's header). */
export const OLLAMA_TOOLS_TEMPLATE_FILE = new URL('../../fixtures/chat-templates/smollm2-tools.ollama.tmpl', import.meta.url);

/**
 * Modelfile lines giving the registered model the tools template, so Ollama serves tools
 * (/api/show capabilities ["completion", "tools"]) instead of answering HTTP 400 "does not support tools".
 */
export function toolsTemplateModelfile(): string {
  const template = readFileSync(OLLAMA_TOOLS_TEMPLATE_FILE, 'utf8');
  if (template.includes('"""')) throw new Error('the Ollama tools template must not contain """ (Modelfile quoting)');
  return `TEMPLATE """${template}"""\nPARAMETER stop <|im_end|>\n`;
}
