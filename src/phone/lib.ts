/**
 * The part of libphonenumber-js that src/phone uses, as one lazy chunk: the *core* functions only
 * (they take the metadata as an argument). Imported by name so a bundler keeps only these two and
 * what they need (about 16 KB min+gzip instead of the whole `libphonenumber-js/min` namespace); the
 * metadata (`libphonenumber-js/min/metadata`, about 19 KB) is a chunk of its own that phone.ts
 * loads in parallel. Only phone.ts imports this module, and only through `import()`.
 */
export {AsYouType, parsePhoneNumberFromString} from 'libphonenumber-js/core';
