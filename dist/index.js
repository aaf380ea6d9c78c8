import "./chunks/group-shared-DF922B5F.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/group-main-24A6D6C2.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/group-post-51CE14F4.js");
  await revokeInPost();
}
export {
  post,
  run
};
