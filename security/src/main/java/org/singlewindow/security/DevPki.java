package org.singlewindow.security;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local federation's development keys: derived from a public seed ({@link Sm2Pki#derivedKeyPair}), so that
 * {@code deploy/pki.sh init} re-creates the same keys on every machine. Anyone can derive them, which is the point for
 * development and the danger in production: {@link #isDevKey} recognizes them, so a production node refuses to
 * start with them.
 */
public final class DevPki {

    /** The public seed of the local federation's keys (DEV ONLY). */
    public static final String SEED = "single-window-local-federation-DEV-ONLY";

    /** Every name {@code deploy/pki.sh init} derives a key for. */
    public static final List<String> NAMES = List.of("ca", "nodes/central", "nodes/310000", "nodes/440000",
            "agencies/GACC", "agencies/MSA", "agencies/NIA", "agencies/MOFCOM", "agencies/CCPIT", "agencies/STA",
            "agencies/SAFE", "agencies/BANK", "enterprises/91310115MA1H7G0X0M", "enterprises/91310000132200821H",
            "enterprises/91440300MA5F2B3K1X", "enterprises/91310115MA1K3BRK0B");

    private DevPki() {
    }

    /** True when {@code key} derives from the dev seed under one of {@link #NAMES} or of {@code moreNames}. */
    public static boolean isDevKey(PublicKey key, String... moreNames) {
        List<String> names = new ArrayList<>(NAMES);
        names.addAll(Arrays.asList(moreNames));
        return names.stream().anyMatch(name -> samePoint(Sm2Pki.derivedKeyPair(SEED, name).getPublic(), key));
    }

    /** Same public point, whatever the key objects' encoding of the curve (named or explicit parameters). */
    private static boolean samePoint(PublicKey a, PublicKey b) {
        return a instanceof ECPublicKey x && b instanceof ECPublicKey y && x.getW().equals(y.getW());
    }
}
