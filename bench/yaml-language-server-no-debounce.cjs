/**
 * yaml-language-server as `npm run bench` runs it: the real server from the npm
 * registry, with its one fixed 200 ms validation delay (validationHandlers.js,
 * `SettingsState.validationDelayMs`) set to 0 so the bench measures its work,
 * not its debounce. Everything else is the unmodified package.
 */
const settingsModule = require('yaml-language-server/out/server/src/yamlSettings');

const OriginalSettingsState = settingsModule.SettingsState;
settingsModule.SettingsState = class extends OriginalSettingsState {
  constructor(...args) {
    super(...args);
    this.validationDelayMs = 0;
  }
};

require('yaml-language-server/out/server/src/server');
