import { API_TOKENS_PATH } from "./group-shared-6CC45263.js";
import {
  attempts
} from "./chunk-23M2A6PA.js";
import { CLASSIC_TOKEN_ID, UntrustedAnswerError, withOffset } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";
import { parseJson } from "./group-shared-6CC45263.js";

import { ActionError, errorMessage } from "./group-shared-6CC45263.js";


// src/dynatrace/recovery.ts
var MAX_CREATE_ATTEMPTS = 3;
async function recoverLostCreate(create) {
  const { log, error, attempt, lost, endpointInput, list, remove } = create;
  await cleanUpLostCreate(log, error, lost, list, remove);
  if (error instanceof UntrustedAnswerError) {
    throw new ActionError(
      `${error.message} Nothing it created is left valid. Check that ${endpointInput} points at Dynatrace, not at a proxy that rewrites answers, and try again.`
    );
  }
  if (attempt >= MAX_CREATE_ATTEMPTS) {
    throw new ActionError(
      `${error.message} Gave up after ${attempts(attempt)}; nothing they created is left valid.`
    );
  }
}
async function cleanUpLostCreate(log, cause, lost, list, remove) {
  const untrusted = cause instanceof UntrustedAnswerError;
  let listed;
  try {
    listed = await list();
  } catch (error) {
    throw new ActionError(
      `${cause.message} It could not be checked whether a ${lost.noun} named "${lost.name}" was created (${errorMessage(error)}); if it exists it expires at ${lost.expirationDate}, and you can delete it ${lost.deleteHint}.${lost.readHint}`
    );
  }
  const { exact, unsure } = findOrphans(listed, lost.name, lost.expirationDate);
  if (unsure.length > 0) {
    log.warning(
      `${lost.noun.charAt(0).toUpperCase()}${lost.noun.slice(1)}(s) ${unsure.map((t) => t.id).join(", ")} named "${lost.name}" expire in the same second as the one the lost request asked for, and Dynatrace reports expiry only to the second, so the action cannot tell whether one is this run's. They were left alone; they expire at ${lost.expirationDate}.`
    );
  }
  for (const orphan of exact) {
    log.info(
      `Deleting ${lost.noun} ${orphan.id}, created by the request whose answer was ${untrusted ? "not usable" : "lost"}.`
    );
    try {
      await remove(orphan.id);
    } catch (error) {
      throw new ActionError(
        `${cause.message} The ${lost.noun} ${orphan.id} it created could not be deleted (${errorMessage(error)}); it expires at ${lost.expirationDate}, and you can delete it ${lost.deleteHint}.`
      );
    }
  }
  if (exact.length === 0 && unsure.length === 0) {
    log.info(`No ${lost.noun} was created by the failed request.`);
  }
}
var listedExpiry = (value) => Date.parse(withOffset(value));
function findOrphans(tokens, name, expirationDate) {
  const wanted = Date.parse(expirationDate);
  const sameName = tokens.filter(
    (t) => t.name === name && typeof t.expirationDate === "string"
  );
  const exact = sameName.filter(
    (t) => listedExpiry(t.expirationDate) === wanted
  );
  const unsure = exact.length > 0 ? [] : sameName.filter((t) => {
    const at = listedExpiry(t.expirationDate);
    return at % 1e3 === 0 && Math.floor(at / 1e3) === Math.floor(wanted / 1e3);
  });
  return { exact, unsure };
}
async function findLostClassicTokens(send) {
  const response = await send({
    method: "GET",
    path: `${API_TOKENS_PATH}?pageSize=10000&fields=%2Bname%2C%2BcreationDate%2C%2BexpirationDate&sort=-creationDate`,
    what: "look for a token the failed request may have created"
  });
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status} listing tokens`);
  }
  const list = parseJson(response.text);
  if (!Array.isArray(list?.apiTokens)) {
    throw new Error("the token list could not be read");
  }
  return list.apiTokens.filter((t) => typeof t.id === "string" && CLASSIC_TOKEN_ID.test(t.id)).map((t) => ({
    id: t.id,
    name: t.name,
    expirationDate: t.expirationDate
  }));
}
export {
  MAX_CREATE_ATTEMPTS,
  findLostClassicTokens,
  findOrphans,
  recoverLostCreate
};
