package io.longnam.workflow;

/**
 * How an approval was signed: with the signer's own enrolled key (a personal PAdES signature whose certificate names
 * the person), or with the organisation's key on the signer's behalf (the signature's name and reason name the person
 * and the step; the audit trail records who approved).
 */
public enum SignatureKind { PERSONAL, ORGANIZATION_ON_BEHALF }
