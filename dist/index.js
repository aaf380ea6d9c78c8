import "./chunks/shared-D97229C0.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-48CDAAD4.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-29A4C636.js");
  await revokeInPost();
}
export {
  post,
  run
};
