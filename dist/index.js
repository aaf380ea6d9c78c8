import "./chunks/group-shared-1A1AC2C3.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/group-main-FCCF77BB.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/group-post-05F4DE87.js");
  await revokeInPost();
}
export {
  post,
  run
};
