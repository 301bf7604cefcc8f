package io.longnam.kms;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;

/**
 * Finds the slot id holding a token with a given label. SunPKCS11 can only be pointed at a slot id or a list
 * index, and tokens move: SoftHSM assigns a random slot id at initialisation and HSMs renumber slots when
 * partitions change, so configuration names the token by label and this resolves it at startup.
 */
final class Pkcs11Slots {

    private static final long CKR_OK = 0;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    /** CK_TOKEN_INFO starts with the 32-byte blank-padded label; the rest only needs room. */
    private static final int TOKEN_INFO_BYTES = 512;

    private Pkcs11Slots() {
    }

    /** The PKCS#11 C API subset needed to list tokens; CK_ULONG is a C {@code unsigned long}. */
    interface Cryptoki extends Library {
        NativeLong C_Initialize(Pointer initArgs);

        NativeLong C_Finalize(Pointer reserved);

        NativeLong C_GetSlotList(byte tokenPresent, NativeLong[] slots, NativeLongByReference count);

        NativeLong C_GetTokenInfo(NativeLong slot, byte[] info);
    }

    static long slotOf(String library, String tokenLabel) {
        Cryptoki cryptoki;
        try {
            cryptoki = Native.load(library, Cryptoki.class);
        } catch (UnsatisfiedLinkError e) {
            throw new KmsUnavailableException("cannot load PKCS#11 library " + library, e);
        }
        long rv = cryptoki.C_Initialize(null).longValue();
        // Already initialised means SunPKCS11 owns the library in this JVM: look, but do not finalise under it.
        boolean ownInitialisation = rv == CKR_OK;
        if (!ownInitialisation && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw unavailable("C_Initialize", rv);
        }
        try {
            NativeLongByReference count = new NativeLongByReference();
            check("C_GetSlotList", cryptoki.C_GetSlotList((byte) 1, null, count));
            NativeLong[] slots = new NativeLong[count.getValue().intValue()];
            if (slots.length > 0) {
                check("C_GetSlotList", cryptoki.C_GetSlotList((byte) 1, slots, count));
            }
            for (int i = 0; i < count.getValue().intValue(); i++) {
                byte[] info = new byte[TOKEN_INFO_BYTES];
                check("C_GetTokenInfo", cryptoki.C_GetTokenInfo(slots[i], info));
                String label = new String(info, 0, 32, StandardCharsets.UTF_8).stripTrailing();
                if (label.equals(tokenLabel)) {
                    return slots[i].longValue();
                }
            }
            throw new KmsUnavailableException("no PKCS#11 token labelled '" + tokenLabel + "' in " + library, null);
        } finally {
            if (ownInitialisation) {
                cryptoki.C_Finalize(null);
            }
        }
    }

    private static void check(String function, NativeLong rv) {
        if (rv.longValue() != CKR_OK) {
            throw unavailable(function, rv.longValue());
        }
    }

    private static KmsUnavailableException unavailable(String function, long rv) {
        return new KmsUnavailableException(function + " failed with CKR 0x" + Long.toHexString(rv), null);
    }
}
