/**
 * One model of the blog (docs/ARCHITECTURE.md, "The model"): what a content folder holds
 * (blog.ts), read each file once (files.ts), and each post's body parsed once (body.ts).
 */
export * from './blog';
export * from './body';
export * from './files';
