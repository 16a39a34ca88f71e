// The part of @forge/bridge the pages' host adapter (static/js/connect-api.js) uses in Forge mode. Loaded before the
// adapter; the adapter picks the Forge transport when it finds window.ThroughlineForge.
import { view, invokeRemote, router, showFlag } from '@forge/bridge';

window.ThroughlineForge = { view, invokeRemote, router, showFlag };
