//go:build amd64 && !purego

#include "textflag.h"

// Offsets into ·kc (kernel_amd64.go), 32 bytes per constant.
#define ONE 0
#define HALF 32
#define LOG2E 64
#define LN2HI 96
#define LN2LO 128
#define M708 160
#define MAGICEXP 192
#define E6 224
#define E24 256
#define E120 288
#define E720 320
#define E5040 352
#define E40320 384
#define E362880 416
#define E3628800 448
#define E39916800 480
#define E479001600 512
#define LOGOFF 544
#define MASK127 576 /* 127<<4: byte offset of a logTab row */
#define HIGHMASK 608
#define SIGN 640
#define MAGICLOG 672
#define MAGICLOGF 704
#define L3 736
#define L5 768
#define L6 800
#define L7 832
#define MHALF 864
#define MQUARTER 896
#define NORMLO 928
#define NORMHI 960

// Each macro is the pure-Go function's operations in its order, four
// lanes at a time; R8 holds ·kc, R9 ·logTab. The comments give the Go.

// BADLOG sets the sign bit of Y3's lanes whose Y0 is not a positive
// normal number: bits − 2⁵² is negative or above 0x7fe0…0 − 1 (logNormal).
#define BADLOG \
	VPSUBQ   NORMLO(R8), Y0, Y2 \
	VPCMPGTQ NORMHI(R8), Y2, Y3 \
	VPOR     Y2, Y3, Y3

// LOGPOS writes LogPos(Y0) into Y1 for positive normal lanes (garbage
// elsewhere), using Y2–Y11, AX, CX, DX and R13. k = tmp>>52 (arithmetic)
// without AVX-512: uint64(k)<<52 is tmp with its low 52 bits cleared, and
// float64(k) is the double 2⁵² + (k + 2048) minus 2⁵² + 2048, k + 2048
// being (tmp ^ 1<<63)>>52. The table rows are loaded lane by lane (16
// bytes each, then transposed): VGATHERQPD twice was 30% slower on the
// kernel here (AMD EPYC).
#define LOGPOS \
	VPSUBQ      LOGOFF(R8), Y0, Y2 \
	VPSRLQ      $41, Y2, Y3 \
	VPAND       MASK127(R8), Y3, Y3 \
	VPAND       HIGHMASK(R8), Y2, Y4 \
	VPSUBQ      Y4, Y0, Y5 \
	VPXOR       SIGN(R8), Y2, Y6 \
	VPSRLQ      $52, Y6, Y6 \
	VPOR        MAGICLOG(R8), Y6, Y6 \
	VSUBPD      MAGICLOGF(R8), Y6, Y6 \
	VMOVQ       X3, AX \
	VPEXTRQ     $1, X3, DX \
	VEXTRACTI128 $1, Y3, X3 \
	VMOVQ       X3, R13 \
	VPEXTRQ     $1, X3, CX \
	VMOVUPD     (R9)(AX*1), X7 \
	VINSERTF128 $1, (R9)(R13*1), Y7, Y7 \
	VMOVUPD     (R9)(DX*1), X8 \
	VINSERTF128 $1, (R9)(CX*1), Y8, Y8 \
	VUNPCKLPD   Y8, Y7, Y4 \
	VUNPCKHPD   Y8, Y7, Y8 \
	VFMSUB213PD ONE(R8), Y4, Y5 \
	VMULPD      LN2HI(R8), Y6, Y9 \
	VADDPD      Y8, Y9, Y9 \
	VADDPD      Y5, Y9, Y10 \
	VSUBPD      Y10, Y9, Y11 \
	VADDPD      Y5, Y11, Y11 \
	VMULPD      LN2LO(R8), Y6, Y6 \
	VADDPD      Y6, Y11, Y11 \
	VMULPD      Y5, Y5, Y2 \
	VMULPD      L7(R8), Y5, Y3 \
	VADDPD      L6(R8), Y3, Y3 \
	VMULPD      L5(R8), Y5, Y4 \
	VADDPD      MQUARTER(R8), Y4, Y4 \
	VMULPD      L3(R8), Y5, Y7 \
	VADDPD      MHALF(R8), Y7, Y7 \
	VMULPD      Y3, Y2, Y3 \
	VADDPD      Y3, Y4, Y4 \
	VMULPD      Y4, Y2, Y4 \
	VADDPD      Y4, Y7, Y7 \
	VMULPD      Y7, Y2, Y7 \
	VADDPD      Y7, Y11, Y11 \
	VADDPD      Y11, Y10, Y1

// EXPNONPOS writes ExpNonPos(Y0) into Y1, using Y2–Y11: the scale
// 2^k is (k + 2⁵² + 1023)'s low bits shifted into the exponent field.
#define EXPNONPOS \
	VMULPD    LOG2E(R8), Y0, Y2 \
	VADDPD    HALF(R8), Y2, Y2 \
	VROUNDPD  $9, Y2, Y2 \
	VMULPD    LN2HI(R8), Y2, Y3 \
	VSUBPD    Y3, Y0, Y3 \
	VMULPD    LN2LO(R8), Y2, Y4 \
	VSUBPD    Y4, Y3, Y3 \
	VADDPD    MAGICEXP(R8), Y2, Y4 \
	VPSLLQ    $52, Y4, Y4 \
	VMULPD    Y3, Y3, Y5 \
	VMULPD    Y5, Y5, Y6 \
	VADDPD    ONE(R8), Y3, Y7 \
	VMULPD    E6(R8), Y3, Y8 \
	VADDPD    HALF(R8), Y8, Y8 \
	VMULPD    Y8, Y5, Y8 \
	VADDPD    Y8, Y7, Y7 \
	VMULPD    E120(R8), Y3, Y8 \
	VADDPD    E24(R8), Y8, Y8 \
	VMULPD    E5040(R8), Y3, Y9 \
	VADDPD    E720(R8), Y9, Y9 \
	VMULPD    Y9, Y5, Y9 \
	VADDPD    Y9, Y8, Y8 \
	VMULPD    E362880(R8), Y3, Y9 \
	VADDPD    E40320(R8), Y9, Y9 \
	VMULPD    E39916800(R8), Y3, Y10 \
	VADDPD    E3628800(R8), Y10, Y10 \
	VMULPD    Y10, Y5, Y10 \
	VADDPD    Y10, Y9, Y9 \
	VMULPD    Y8, Y6, Y8 \
	VADDPD    Y8, Y7, Y7 \
	VMULPD    E479001600(R8), Y6, Y10 \
	VADDPD    Y10, Y9, Y9 \
	VMULPD    Y6, Y6, Y10 \
	VMULPD    Y9, Y10, Y9 \
	VADDPD    Y9, Y7, Y7 \
	VMULPD    Y4, Y7, Y7 \
	VCMPPD    $0x1d, M708(R8), Y0, Y8 \
	VCMPPD    $3, Y0, Y0, Y9 \
	VANDPD    Y0, Y9, Y9 \
	VBLENDVPD Y8, Y7, Y9, Y1

// func hillGradBlocks(s, dsda, dc, dls, a *float64, n int, slope, c0, cScale, off float64) int
TEXT ·hillGradBlocks(SB), NOSPLIT, $0-88
	MOVQ         s+0(FP), DI
	MOVQ         dsda+8(FP), R10
	MOVQ         dc+16(FP), R11
	MOVQ         dls+24(FP), R12
	MOVQ         a+32(FP), SI
	MOVQ         n+40(FP), CX
	VBROADCASTSD slope+48(FP), Y13
	VBROADCASTSD c0+56(FP), Y14
	LEAQ         ·kc(SB), R8
	LEAQ         ·logTab(SB), R9
	ANDQ         $-4, CX
	MOVQ         CX, n+40(FP)
	XORQ         BX, BX

gradLoop:
	CMPQ      BX, n+40(FP)
	JGE       gradDone
	VMOVUPD   (SI)(BX*8), Y0
	BADLOG
	VXORPD    Y4, Y4, Y4
	VCMPPD    $0x12, Y4, Y0, Y4
	VANDNPD   Y3, Y4, Y3
	VMOVMSKPD Y3, AX
	TESTL     AX, AX
	JNZ       gradDone
	LOGPOS

	// z = slope·log a + c0; Y0 = −|z|
	VMULPD    Y13, Y1, Y1
	VADDPD    Y14, Y1, Y12
	VORPD     SIGN(R8), Y12, Y0
	EXPNONPOS

	// inv = 1/(1+e), g = e·inv·inv, S = ifNeg(z, e)·inv
	VMOVUPD      ONE(R8), Y6
	VADDPD       Y6, Y1, Y2
	VDIVPD       Y2, Y6, Y3
	VMULPD       Y3, Y1, Y4
	VMULPD       Y3, Y4, Y4
	VBLENDVPD    Y12, Y1, Y6, Y5
	VMULPD       Y3, Y5, Y5

	// dsda = g·slope/a, dc = g·cScale, dls = g·(z − off)
	VMOVUPD      (SI)(BX*8), Y0
	VMULPD       Y13, Y4, Y7
	VDIVPD       Y0, Y7, Y7
	VBROADCASTSD cScale+64(FP), Y8
	VMULPD       Y8, Y4, Y8
	VBROADCASTSD off+72(FP), Y9
	VSUBPD       Y9, Y12, Y9
	VMULPD       Y9, Y4, Y9

	// zeros where a ≤ 0
	VXORPD       Y10, Y10, Y10
	VCMPPD       $0x12, Y10, Y0, Y10
	VANDNPD      Y5, Y10, Y5
	VANDNPD      Y7, Y10, Y7
	VANDNPD      Y8, Y10, Y8
	VANDNPD      Y9, Y10, Y9
	VMOVUPD      Y5, (DI)(BX*8)
	VMOVUPD      Y7, (R10)(BX*8)
	VMOVUPD      Y8, (R11)(BX*8)
	VMOVUPD      Y9, (R12)(BX*8)
	ADDQ         $4, BX
	JMP          gradLoop

gradDone:
	MOVQ       BX, ret+80(FP)
	VZEROUPPER
	RET

// func hillCurveBlocks(s, a *float64, n int, slope, logK float64) int
TEXT ·hillCurveBlocks(SB), NOSPLIT, $0-48
	MOVQ         s+0(FP), DI
	MOVQ         a+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSD slope+24(FP), Y13
	VBROADCASTSD logK+32(FP), Y14
	LEAQ         ·kc(SB), R8
	LEAQ         ·logTab(SB), R9
	ANDQ         $-4, CX
	MOVQ         CX, n+16(FP)
	XORQ         BX, BX

curveLoop:
	CMPQ      BX, n+16(FP)
	JGE       curveDone
	VMOVUPD   (SI)(BX*8), Y0
	BADLOG
	VXORPD    Y4, Y4, Y4
	VCMPPD    $0x12, Y4, Y0, Y4
	VANDNPD   Y3, Y4, Y3
	VMOVMSKPD Y3, AX
	TESTL     AX, AX
	JNZ       curveDone
	LOGPOS

	// z = slope·(log a − logK); S = ifNeg(z, e)/(1 + e)
	VSUBPD    Y14, Y1, Y1
	VMULPD    Y13, Y1, Y12
	VORPD     SIGN(R8), Y12, Y0
	EXPNONPOS
	VMOVUPD   ONE(R8), Y6
	VADDPD    Y6, Y1, Y2
	VBLENDVPD Y12, Y1, Y6, Y5
	VDIVPD    Y2, Y5, Y5
	VMOVUPD   (SI)(BX*8), Y0
	VXORPD    Y10, Y10, Y10
	VCMPPD    $0x12, Y10, Y0, Y10
	VANDNPD   Y5, Y10, Y5
	VMOVUPD   Y5, (DI)(BX*8)
	ADDQ      $4, BX
	JMP       curveLoop

curveDone:
	MOVQ       BX, ret+40(FP)
	VZEROUPPER
	RET

// func expBlocks(dst, x *float64, n int) int
TEXT ·expBlocks(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	LEAQ ·kc(SB), R8
	ANDQ $-4, CX
	MOVQ         CX, n+16(FP)
	XORQ BX, BX

expLoop:
	CMPQ    BX, n+16(FP)
	JGE     expDone
	VMOVUPD (SI)(BX*8), Y0
	EXPNONPOS
	VMOVUPD Y1, (DI)(BX*8)
	ADDQ    $4, BX
	JMP     expLoop

expDone:
	MOVQ       BX, ret+24(FP)
	VZEROUPPER
	RET

// func logBlocks(dst, x *float64, n int) int
TEXT ·logBlocks(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	LEAQ ·kc(SB), R8
	LEAQ ·logTab(SB), R9
	ANDQ $-4, CX
	MOVQ         CX, n+16(FP)
	XORQ BX, BX

logLoop:
	CMPQ      BX, n+16(FP)
	JGE       logDone
	VMOVUPD   (SI)(BX*8), Y0
	BADLOG
	VMOVMSKPD Y3, AX
	TESTL     AX, AX
	JNZ       logDone
	LOGPOS
	VMOVUPD   Y1, (DI)(BX*8)
	ADDQ      $4, BX
	JMP       logLoop

logDone:
	MOVQ       BX, ret+24(FP)
	VZEROUPPER
	RET
