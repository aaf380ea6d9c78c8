import {
  attempts
} from "./chunk-23M2A6PA.js";
import {
  UntrustedAnswerError,
  withOffset
} from "./chunk-EZQNAVRG.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import {
  ActionError,
  errorMessage
} from "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

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
export {
  MAX_CREATE_ATTEMPTS,
  cleanUpLostCreate,
  findOrphans,
  recoverLostCreate
};
