"""Test fixture for TorchScriptWeightsTest: a TorchScript export of torchvision's ResNet-50.

Builds torchvision.models.resnet50(weights=None) (nothing is downloaded), gives every parameter and
every BatchNorm running statistic seeded random values (so that a converter that forgets the buffers
gives other logits), scripts it exactly as a user would export ImageNet weights
(torch.jit.script(model).save(...)), and writes beside it an input batch and the model's logits in
eval mode, as little-endian float32.

    python3 export_resnet50.py OUT_DIR [SIZE]

writes OUT_DIR/resnet50.pt, OUT_DIR/input.f32 (2x3xSIZExSIZE) and OUT_DIR/logits.f32 (2x1000).
"""
import sys
from pathlib import Path

import torch
import torchvision


def main():
    out = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 96
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(20210901)
    model = torchvision.models.resnet50(weights=None)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.weight.uniform_(0.5, 1.5)
                module.bias.normal_(0.0, 0.1)
                module.running_mean.normal_(0.0, 0.1)
                module.running_var.uniform_(0.5, 1.5)
        model.fc.bias.normal_(0.0, 0.1)
    model.eval()
    scripted = torch.jit.script(model)
    scripted.save(str(out / "resnet50.pt"))
    x = torch.rand(2, 3, size, size)
    with torch.no_grad():
        logits = scripted(x)
    x.numpy().astype("<f4").tofile(out / "input.f32")
    logits.numpy().astype("<f4").tofile(out / "logits.f32")
    print(f"wrote {out / 'resnet50.pt'} (torch {torch.__version__}, torchvision {torchvision.__version__}), "
          f"input 2x3x{size}x{size}, logits 2x{logits.shape[1]}")


if __name__ == "__main__":
    main()
