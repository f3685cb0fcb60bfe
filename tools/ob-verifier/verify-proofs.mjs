/*!
 * Checks the proofs of many credentials at once with the DigitalBazaar verifier (jsonld-signatures, the verifier
 * inside @digitalbazaar/vc, with DataIntegrityProof + eddsa-rdfc-2022 and Ed25519Signature2020 for the
 * assertionMethod purpose), entirely offline: the JSON-LD contexts and the controller documents are the ones the
 * request brings, did:key identifiers are expanded locally (@digitalbazaar/did-method-key with Ed25519 Multikeys),
 * did:web identifiers are resolved by @digitalbazaar/did-method-web from the request's controller documents, and
 * every other URL fails to load. Only the proof is checked: not the validity period, the status or the issuer.
 *
 * Usage: node verify-proofs.mjs < request.json
 *   request.json  {"contexts": {"<context URL>": <context document>, ...},
 *                  "controllerDocuments": {"<URL>": <controller document>, ...},   (optional)
 *                  "credentials": [{"name": "<label>", "credential": <credential>}, ...]}
 *   A controller document is given under the https URL it is served at: https://example.edu/issuers/1 for the
 *   verification method https://example.edu/issuers/1#key, https://example.org/path/did.json for did:web:example.org:path
 *   (did:web §3.2 Read), so `<URL>#<fragment>` dereferences to the verification method with that id.
 *
 * Prints one JSON line {"results": [{"name", "status", "reason"}, ...]}, in the request's order, where status is
 *   "valid"         every proof the suites know verified (for a ClrCredential: its own and every held credential's
 *                   in credentialSubject.verifiableCredential)
 *   "invalid"       a proof did not verify, or there is no proof (jsonld-signatures finds none to check)
 *   "unverifiable"  a document the check needs (a key, a controller document, a context) is not available offline,
 *                   or no proof is of a type/cryptosuite these suites check (e.g. the legacy eddsa-2022); reason
 *                   names it.
 * Exits 0 when every credential was answered, 2 on a bad request.
 */
import {text} from 'node:stream/consumers';
import jsigs from 'jsonld-signatures';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import * as didWeb from '@digitalbazaar/did-method-web';

const NOT_OFFLINE = 'not available offline: ';

let request;
try {
  request = JSON.parse(await text(process.stdin));
} catch(error) {
  console.error(`the request on standard input is not JSON: ${error.message}`);
  process.exit(2);
}
if(!request.contexts || !Array.isArray(request.credentials)) {
  console.error('the request needs "contexts" (an object) and "credentials" (an array)');
  process.exit(2);
}
const controllerDocuments = request.controllerDocuments ?? {};

const didKeyDriver = didKey.driver();
didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

// the did:web driver's HTTP client fetches with this: the request's documents, never the network
async function offlineFetch(input) {
  const url = typeof input === 'string' ? input : input.url;
  if(!Object.hasOwn(controllerDocuments, url)) {
    throw new Error(NOT_OFFLINE + url);
  }
  return new Response(JSON.stringify(controllerDocuments[url]), {headers: {'content-type': 'application/json'}});
}
const didWebDriver = didWeb.driver({fetchOptions: {fetch: offlineFetch}});

// as the did:web driver labels a verification method it dereferences: the context of its key type
const KEY_CONTEXTS = {
  Multikey: 'https://w3id.org/security/multikey/v1',
  Ed25519VerificationKey2020: 'https://w3id.org/security/suites/ed25519-2020/v1'
};

// an https controller document, or (with a fragment) the verification method in it whose id is the whole URL
function controlled(url) {
  const [base] = url.split('#');
  if(!Object.hasOwn(controllerDocuments, base)) {
    throw new Error(NOT_OFFLINE + url);
  }
  const document = controllerDocuments[base];
  if(base === url) {
    return document;
  }
  const method = [document.verificationMethod ?? []].flat().find(m => m?.id === url);
  if(!method) {
    throw new Error(`${base} has no verification method ${url}`);
  }
  return {'@context': KEY_CONTEXTS[method.type] ?? document['@context'], ...method};
}

async function documentLoader(url) {
  if(Object.hasOwn(request.contexts, url)) {
    return {contextUrl: null, documentUrl: url, document: request.contexts[url]};
  }
  if(url.startsWith('did:key:')) {
    return {contextUrl: null, documentUrl: url, document: await didKeyDriver.get({url})};
  }
  if(url.startsWith('did:web:')) {
    return {contextUrl: null, documentUrl: url, document: await didWebDriver.get({url})};
  }
  if(url.startsWith('https:')) {
    return {contextUrl: null, documentUrl: url, document: controlled(url)};
  }
  throw new Error(NOT_OFFLINE + url);
}

const suite = [
  new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite}),
  new Ed25519Signature2020()
];

function messages(error) {
  if(!error) {
    return [];
  }
  // jsonld.js keeps the loader's error as details.cause (a context or controller document it could not load)
  const causes = [error.cause, error.details?.cause].filter(Boolean);
  const nested = [...(error.errors ?? []), ...causes];
  return [error.message ?? String(error), ...nested.flatMap(messages)];
}

// what `suite` checks: a proof of any other type or cryptosuite is left unchecked by jsonld-signatures
function supported(proof) {
  return (proof?.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') ||
    proof?.type === 'Ed25519Signature2020';
}

async function proofOf(credential) {
  const proofs = [credential.proof ?? []].flat();
  // with no proof at all, jsonld-signatures answers for itself ("No matching proofs found")
  if(proofs.length > 0 && !proofs.some(supported)) {
    const names = proofs.map(p => p?.cryptosuite ?? p?.type);
    return {status: 'unverifiable', reason: `unsupported proof type or cryptosuite: ${names.join(', ')}`};
  }
  let result;
  try {
    result = await jsigs.verify(credential, {
      suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader
    });
  } catch(error) {
    result = {verified: false, error};
  }
  if(result.verified) {
    return {status: 'valid', reason: null};
  }
  const all = [result.error, ...(result.results ?? []).map(r => r.error)].flatMap(messages);
  const missing = all.find(m => m.includes(NOT_OFFLINE));
  if(missing) {
    return {status: 'unverifiable', reason: missing.slice(missing.indexOf(NOT_OFFLINE))};
  }
  return {status: 'invalid', reason: [...new Set(all)].join('; ') || 'proof did not verify'};
}

function isClr(credential) {
  return [credential.type].flat().includes('ClrCredential');
}

async function check(credential) {
  const own = await proofOf(credential);
  if(own.status !== 'valid' || !isClr(credential)) {
    return own;
  }
  const held = [credential.credentialSubject?.verifiableCredential ?? []].flat();
  for(const [i, member] of held.entries()) {
    const result = await proofOf(member);
    if(result.status !== 'valid') {
      return {status: result.status, reason: `verifiableCredential ${i}: ${result.reason}`};
    }
  }
  return own;
}

const results = [];
for(const {name, credential} of request.credentials) {
  results.push({name, ...await check(credential)});
}
console.log(JSON.stringify({results}));
