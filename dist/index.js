import "./chunks/group-shared-6CC45263.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/group-main-F9FADEA7.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/group-post-40E04006.js");
  await revokeInPost();
}
export {
  post,
  run
};
