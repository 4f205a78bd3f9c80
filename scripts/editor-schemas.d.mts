/** Types of editor-schemas.mjs (plain JavaScript, run by the build without compiling). */
export function editorSchema(schema: unknown): unknown;
export function writeEditorSchemas(from: string, to: string): void;
