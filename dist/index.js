import "./chunks/group-shared-3E48626C.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/group-main-C7AA6BCF.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/group-post-EAFDC8A4.js");
  await revokeInPost();
}
export {
  post,
  run
};
