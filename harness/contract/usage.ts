/** Token accounting, normalized. A field is undefined when the provider did not report it. */
export interface Usage {
  input?: number;
  output?: number;
  total?: number;
}
