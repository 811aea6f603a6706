// The types of `@masetra/react/styles.css`: a stylesheet, imported for its rules, exports nothing.
export {};
