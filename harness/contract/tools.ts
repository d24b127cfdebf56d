/** Tool declarations as sent to a model. Schemas are JSON Schema objects. */

export type JsonSchema = { [key: string]: unknown };

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object (type: "object"). */
  parameters: JsonSchema;
}

/** auto: model decides; none: no calls; required: at least one call; or one named tool. */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };
