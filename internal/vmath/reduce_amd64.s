//go:build amd64 && !purego

#include "textflag.h"

// Dot's and Sum's blocks (reduce.go): Y0–Y3 hold the partial sums p_0…p_15
// four lanes each, blocks of 4 after the last block of 16 go to Y0, and
// the lanes combine as combine does. n is a multiple of 4.

// COMBINE leaves combine(Y0…Y3) in X0.
#define COMBINE \
	VADDPD       Y1, Y0, Y0 \
	VADDPD       Y3, Y2, Y2 \
	VADDPD       Y2, Y0, Y0 \
	VEXTRACTF128 $1, Y0, X1 \
	VADDPD       X1, X0, X0 \
	VPERMILPD    $1, X0, X1 \
	VADDSD       X1, X0, X0

// func dotBlocks(x, y *float64, n int) float64
TEXT ·dotBlocks(SB), NOSPLIT, $0-32
	MOVQ   x+0(FP), SI
	MOVQ   y+8(FP), DI
	MOVQ   n+16(FP), CX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	XORQ   BX, BX
	MOVQ   CX, DX
	ANDQ   $-16, DX

dot16:
	CMPQ    BX, DX
	JGE     dot4
	VMOVUPD (SI)(BX*8), Y5
	VMULPD  (DI)(BX*8), Y5, Y5
	VADDPD  Y5, Y0, Y0
	VMOVUPD 32(SI)(BX*8), Y6
	VMULPD  32(DI)(BX*8), Y6, Y6
	VADDPD  Y6, Y1, Y1
	VMOVUPD 64(SI)(BX*8), Y7
	VMULPD  64(DI)(BX*8), Y7, Y7
	VADDPD  Y7, Y2, Y2
	VMOVUPD 96(SI)(BX*8), Y8
	VMULPD  96(DI)(BX*8), Y8, Y8
	VADDPD  Y8, Y3, Y3
	ADDQ    $16, BX
	JMP     dot16

dot4:
	// p_0…p_3 continue in Y0.
	CMPQ    BX, CX
	JGE     dotDone
	VMOVUPD (SI)(BX*8), Y5
	VMULPD  (DI)(BX*8), Y5, Y5
	VADDPD  Y5, Y0, Y0
	ADDQ    $4, BX
	JMP     dot4

dotDone:
	COMBINE
	MOVSD      X0, ret+24(FP)
	VZEROUPPER
	RET

// func sumBlocks(x *float64, n int) float64
TEXT ·sumBlocks(SB), NOSPLIT, $0-24
	MOVQ   x+0(FP), SI
	MOVQ   n+8(FP), CX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	XORQ   BX, BX
	MOVQ   CX, DX
	ANDQ   $-16, DX

sum16:
	CMPQ   BX, DX
	JGE    sum4
	VADDPD (SI)(BX*8), Y0, Y0
	VADDPD 32(SI)(BX*8), Y1, Y1
	VADDPD 64(SI)(BX*8), Y2, Y2
	VADDPD 96(SI)(BX*8), Y3, Y3
	ADDQ   $16, BX
	JMP    sum16

sum4:
	CMPQ   BX, CX
	JGE    sumDone
	VADDPD (SI)(BX*8), Y0, Y0
	ADDQ   $4, BX
	JMP    sum4

sumDone:
	COMBINE
	MOVSD      X0, ret+16(FP)
	VZEROUPPER
	RET

// func axpyBlocks(dst, x *float64, n int, a, c float64) int
TEXT ·axpyBlocks(SB), NOSPLIT, $0-48
	MOVQ         dst+0(FP), DI
	MOVQ         x+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSD a+24(FP), Y14
	VBROADCASTSD c+32(FP), Y15
	XORQ         BX, BX

axpyLoop:
	CMPQ    BX, CX
	JGE     axpyDone
	VMULPD  (SI)(BX*8), Y14, Y0
	VSUBPD  Y15, Y0, Y0
	VADDPD  (DI)(BX*8), Y0, Y0
	VMOVUPD Y0, (DI)(BX*8)
	ADDQ    $4, BX
	JMP     axpyLoop

axpyDone:
	MOVQ       BX, ret+40(FP)
	VZEROUPPER
	RET

// func scaleBlocks(dst, x *float64, n int, a float64) int
TEXT ·scaleBlocks(SB), NOSPLIT, $0-40
	MOVQ         dst+0(FP), DI
	MOVQ         x+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSD a+24(FP), Y14
	XORQ         BX, BX

scaleLoop:
	CMPQ    BX, CX
	JGE     scaleDone
	VMULPD  (SI)(BX*8), Y14, Y0
	VMOVUPD Y0, (DI)(BX*8)
	ADDQ    $4, BX
	JMP     scaleLoop

scaleDone:
	MOVQ       BX, ret+32(FP)
	VZEROUPPER
	RET

// func addConstBlocks(dst *float64, n int, c float64) int
TEXT ·addConstBlocks(SB), NOSPLIT, $0-32
	MOVQ         dst+0(FP), DI
	MOVQ         n+8(FP), CX
	VBROADCASTSD c+16(FP), Y15
	XORQ         BX, BX

addcLoop:
	CMPQ    BX, CX
	JGE     addcDone
	VADDPD  (DI)(BX*8), Y15, Y0
	VMOVUPD Y0, (DI)(BX*8)
	ADDQ    $4, BX
	JMP     addcLoop

addcDone:
	MOVQ       BX, ret+24(FP)
	VZEROUPPER
	RET

// func mulBlocks(dst, x *float64, n int) int
TEXT ·mulBlocks(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	XORQ BX, BX

mulLoop:
	CMPQ    BX, CX
	JGE     mulDone
	VMOVUPD (DI)(BX*8), Y0
	VMULPD  (SI)(BX*8), Y0, Y0
	VMOVUPD Y0, (DI)(BX*8)
	ADDQ    $4, BX
	JMP     mulLoop

mulDone:
	MOVQ       BX, ret+24(FP)
	VZEROUPPER
	RET
