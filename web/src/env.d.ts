/** True in the Vite dev server only (vite.config.ts): send query text instead of trusted-document ids. */
declare const __SEND_DOCUMENT_TEXT__: boolean;
