/** thumbor signed ("safe") URLs: signer, verifier and scheme provider. */
package dev.imgsign.thumbor;
