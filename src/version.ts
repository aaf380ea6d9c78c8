/** The action's name and version, for the User-Agent header (a test keeps it equal to package.json). */
export const ACTION_NAME = 'configure-dynatrace-credentials'
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`
