
// src/errors.ts
var ActionError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ActionError";
  }
};
var AmbiguousRequestError = class extends ActionError {
  constructor(message, options) {
    super(message, options);
    this.name = "AmbiguousRequestError";
  }
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  ActionError,
  AmbiguousRequestError,
  errorMessage
};
