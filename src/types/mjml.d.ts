// mjml 5 ships no type declarations; this is the part of its API txkit uses.
declare module 'mjml' {
  export interface MjmlError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }
  export interface MjmlOptions {
    filePath?: string;
    ignoreIncludes?: boolean;
    validationLevel?: 'soft' | 'strict' | 'skip';
    minify?: boolean;
    beautify?: boolean;
    keepComments?: boolean;
    fonts?: Record<string, string>;
    includePath?: string[];
    templateSyntax?: { prefix: string; suffix: string }[];
    allowIncludes?: boolean;
    [option: string]: unknown;
  }
  export interface MjmlResult {
    html: string;
    errors: MjmlError[];
    json?: unknown;
  }
  export default function mjml2html(input: string, options?: MjmlOptions): Promise<MjmlResult>;
}
