/*
 * MD4 compression over sixteen independent messages at once with AVX-512 (one 32-bit lane each),
 * for net.p2pnet.model.hash.Md4Lanes.
 *
 * Why native: ed2k hashing is MD4 over many independent 9,728,000-byte chunks, and MD4 has no JVM
 * intrinsic. In Java one stream is latency-bound (~0.65 GB/s; two side by side ~1.2 GB/s); sixteen
 * in the lanes of a 512-bit register run at ~9.7 GB/s on the machines we measure on
 * (docs/benchmarks.md). The JDK's Vector API is still an incubator module and measured 1.25 GB/s
 * once the message words are transposed. Padding, lengths and digests stay in Java (Md4).
 */
#include <jni.h>
#include <stdint.h>
#include <stddef.h>
#include <immintrin.h>

#define LANES 16

#define F(x, y, z) _mm512_ternarylogic_epi32(x, y, z, 0xCA)  /* (x & y) | (~x & z) */
#define G(x, y, z) _mm512_ternarylogic_epi32(x, y, z, 0xE8)  /* majority */
#define H(x, y, z) _mm512_ternarylogic_epi32(x, y, z, 0x96)  /* x ^ y ^ z */
#define STEP(f, a, b, c, d, x, s, k) \
    a = _mm512_rol_epi32(_mm512_add_epi32(_mm512_add_epi32(a, f(b, c, d)), _mm512_add_epi32(x, k)), s)

/* Rows of sixteen words (one 64-byte block per lane) into columns (one message word per vector). */
__attribute__((target("avx512f")))
static inline void transpose(__m512i r[16]) {
    __m512i t[16];
    for (int i = 0; i < 16; i += 2) {
        t[i] = _mm512_unpacklo_epi32(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_epi32(r[i], r[i + 1]);
    }
    for (int i = 0; i < 16; i += 4) {
        r[i] = _mm512_unpacklo_epi64(t[i], t[i + 2]);
        r[i + 1] = _mm512_unpackhi_epi64(t[i], t[i + 2]);
        r[i + 2] = _mm512_unpacklo_epi64(t[i + 1], t[i + 3]);
        r[i + 3] = _mm512_unpackhi_epi64(t[i + 1], t[i + 3]);
    }
    for (int i = 0; i < 16; i += 8) {
        for (int j = 0; j < 4; j++) {
            t[i + j] = _mm512_shuffle_i32x4(r[i + j], r[i + j + 4], 0x88);
            t[i + j + 4] = _mm512_shuffle_i32x4(r[i + j], r[i + j + 4], 0xDD);
        }
    }
    for (int j = 0; j < 8; j++) {
        r[j] = _mm512_shuffle_i32x4(t[j], t[j + 8], 0x88);
        r[j + 8] = _mm512_shuffle_i32x4(t[j], t[j + 8], 0xDD);
    }
}

/* state: A of lanes 0..15, then B, C, D; data: one pointer per lane, each to `blocks` 64-byte blocks. */
__attribute__((target("avx512f")))
static void compress(uint32_t *state, const uint8_t *const *data, size_t blocks) {
    __m512i A = _mm512_loadu_si512(state), B = _mm512_loadu_si512(state + 16),
            C = _mm512_loadu_si512(state + 32), D = _mm512_loadu_si512(state + 48);
    const __m512i k1 = _mm512_setzero_si512(), k2 = _mm512_set1_epi32(0x5a827999),
                  k3 = _mm512_set1_epi32(0x6ed9eba1);
    for (size_t n = 0; n < blocks; n++) {
        __m512i X[16];
        for (int lane = 0; lane < LANES; lane++) {
            X[lane] = _mm512_loadu_si512(data[lane] + n * 64);
        }
        transpose(X);
        __m512i a = A, b = B, c = C, d = D;
        for (int i = 0; i < 16; i += 4) {
            STEP(F, a, b, c, d, X[i], 3, k1);
            STEP(F, d, a, b, c, X[i + 1], 7, k1);
            STEP(F, c, d, a, b, X[i + 2], 11, k1);
            STEP(F, b, c, d, a, X[i + 3], 19, k1);
        }
        for (int i = 0; i < 4; i++) {
            STEP(G, a, b, c, d, X[i], 3, k2);
            STEP(G, d, a, b, c, X[i + 4], 5, k2);
            STEP(G, c, d, a, b, X[i + 8], 9, k2);
            STEP(G, b, c, d, a, X[i + 12], 13, k2);
        }
        static const int order[4] = {0, 2, 1, 3};
        for (int j = 0; j < 4; j++) {
            int i = order[j];
            STEP(H, a, b, c, d, X[i], 3, k3);
            STEP(H, d, a, b, c, X[i + 8], 9, k3);
            STEP(H, c, d, a, b, X[i + 4], 11, k3);
            STEP(H, b, c, d, a, X[i + 12], 15, k3);
        }
        A = _mm512_add_epi32(A, a);
        B = _mm512_add_epi32(B, b);
        C = _mm512_add_epi32(C, c);
        D = _mm512_add_epi32(D, d);
    }
    _mm512_storeu_si512(state, A);
    _mm512_storeu_si512(state + 16, B);
    _mm512_storeu_si512(state + 32, C);
    _mm512_storeu_si512(state + 48, D);
}

JNIEXPORT jboolean JNICALL Java_net_p2pnet_model_hash_Md4Lanes_supported0(JNIEnv *env, jclass cls) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? JNI_TRUE : JNI_FALSE;
}

/*
 * Compresses `blocks` 64-byte blocks from each of `lanes` direct buffers (1..16, each read from its
 * start) into state (int[64], word-major as above). Lanes past `lanes` recompute lane 0 and are
 * not written back. Returns 0, or -1 when a buffer is not direct (nothing changed then).
 */
JNIEXPORT jint JNICALL Java_net_p2pnet_model_hash_Md4Lanes_compress0(JNIEnv *env, jclass cls, jintArray state,
        jobjectArray buffers, jint lanes, jlong blocks) {
    const uint8_t *data[LANES];
    for (int lane = 0; lane < LANES; lane++) {
        if (lane < lanes) {
            jobject buffer = (*env)->GetObjectArrayElement(env, buffers, lane);
            data[lane] = (const uint8_t *) (*env)->GetDirectBufferAddress(env, buffer);
            (*env)->DeleteLocalRef(env, buffer);
            if (data[lane] == NULL) {
                return -1;
            }
        } else {
            data[lane] = data[0];
        }
    }
    uint32_t words[4 * LANES];
    (*env)->GetIntArrayRegion(env, state, 0, 4 * LANES, (jint *) words);
    compress(words, data, (size_t) blocks);
    (*env)->SetIntArrayRegion(env, state, 0, 4 * LANES, (const jint *) words);
    return 0;
}
