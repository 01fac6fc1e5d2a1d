"""Writes src/main/resources/dev/st4j/ops/fused_attention.pt, the TorchScript module behind dev.st4j.ops.FusedAttention.

The module holds no weights: it calls PyTorch's scaled_dot_product_attention (the fused, memory-efficient CPU
kernel where it applies) on query, key and value (batch, heads, length, size), an additive bias broadcastable to
(batch, heads, length, length), and the score scale as a 0-d tensor. No dropout: st4j calls it only where the
attention probabilities are not dropped (inference, or a model whose attention dropout is 0).

Run with the project's virtual environment (bin/setup-system makes it):
    .venv/bin/python src/main/torchscript/fused_attention.py
"""
from pathlib import Path

import torch
import torch.nn.functional as F


class FusedAttention(torch.nn.Module):
    def forward(self, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, bias: torch.Tensor,
                scale: torch.Tensor) -> torch.Tensor:
        return F.scaled_dot_product_attention(query, key, value, attn_mask=bias, dropout_p=0.0, scale=float(scale))


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "resources" / "dev" / "st4j" / "ops" / "fused_attention.pt"
    torch.jit.script(FusedAttention()).save(str(out))
    print(out)
