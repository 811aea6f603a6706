import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson, sha256Hex } from '@masetra/core';
import type { AuditCheckpoint, UnsignedAuditCheckpoint } from './AuditCheckpoint';

/** Signs checkpoints, and verifies those of this key and of earlier keys still trusted. */
export interface AuditKey {
  keyId: string;
  sign(checkpoint: UnsignedAuditCheckpoint): Promise<AuditCheckpoint>;
  /** Whether a checkpoint's signature holds under the key it names. */
  verify(checkpoint: AuditCheckpoint): Promise<boolean>;
}

/** A new Ed25519 private key as PKCS#8 PEM, for `MASETRA_AUDIT_KEY` or a key file. */
export function generateAuditKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function keyIdOf(publicKey: KeyObject): Promise<string> {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return (await sha256Hex(der.toString('base64'))).slice(0, 16);
}

const signedBytes = (checkpoint: UnsignedAuditCheckpoint & { keyId: string }) =>
  Buffer.from(
    canonicalJson({
      orgId: checkpoint.orgId,
      fromSeq: checkpoint.fromSeq,
      toSeq: checkpoint.toSeq,
      hashes: checkpoint.hashes,
      at: checkpoint.at,
      keyId: checkpoint.keyId,
    }),
  );

/**
 * The audit key from its PEM (Ed25519, PKCS#8). `previousPublicKeys` are the public keys of
 * rotated-out keys (SPKI PEM), so checkpoints they signed still verify.
 *
 * @example
 * const auditKey = await createAuditKey(process.env.MASETRA_AUDIT_KEY);
 */
export async function createAuditKey(
  privateKeyPem: string,
  previousPublicKeys: string[] = [],
): Promise<AuditKey> {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('The audit key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const keyId = await keyIdOf(publicKey);
  const trusted = new Map<string, KeyObject>([[keyId, publicKey]]);
  for (const pem of previousPublicKeys) {
    const earlier = createPublicKey(pem);
    trusted.set(await keyIdOf(earlier), earlier);
  }
  return {
    keyId,
    async sign(checkpoint) {
      const bytes = signedBytes({ ...checkpoint, keyId });
      return { ...checkpoint, keyId, signature: sign(null, bytes, privateKey).toString('base64') };
    },
    async verify(checkpoint) {
      const key = trusted.get(checkpoint.keyId);
      if (!key) return false;
      try {
        return verify(null, signedBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}
