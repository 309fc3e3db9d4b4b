"""Test fixture for TorchScriptWeightsTest: TorchScript exports of torchvision's ResNets.

Builds torchvision.models.resnet50(weights=None) (nothing is downloaded), gives every parameter and
every BatchNorm running statistic seeded random values (so that a converter that forgets the buffers
gives other logits), scripts it exactly as a user would export ImageNet weights
(torch.jit.script(model).save(...)), and writes beside it an input batch and the model's logits in
eval mode, as little-endian float32. A ResNet-18 with CLASSES classes is exported the other way
TorchScript offers, torch.jit.trace.

    python3 export_resnet50.py OUT_DIR [SIZE] [CLASSES]

writes OUT_DIR/resnet50.pt, OUT_DIR/input.f32 (2x3xSIZExSIZE), OUT_DIR/logits.f32 (2x1000),
OUT_DIR/resnet18-traced.pt and OUT_DIR/logits18.f32 (2xCLASSES).
"""
import sys
from pathlib import Path

import torch
import torchvision


def randomized(model):
    """Seeded random BatchNorm parameters and statistics, a random classifier bias; eval mode."""
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.weight.uniform_(0.5, 1.5)
                module.bias.normal_(0.0, 0.1)
                module.running_mean.normal_(0.0, 0.1)
                module.running_var.uniform_(0.5, 1.5)
        model.fc.bias.normal_(0.0, 0.1)
    return model.eval()


def main():
    out = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 96
    classes = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(20210901)
    model = randomized(torchvision.models.resnet50(weights=None))
    scripted = torch.jit.script(model)
    scripted.save(str(out / "resnet50.pt"))
    x = torch.rand(2, 3, size, size)
    with torch.no_grad():
        logits = scripted(x)
    x.numpy().astype("<f4").tofile(out / "input.f32")
    logits.numpy().astype("<f4").tofile(out / "logits.f32")
    traced = torch.jit.trace(randomized(torchvision.models.resnet18(weights=None, num_classes=classes)), x)
    traced.save(str(out / "resnet18-traced.pt"))
    with torch.no_grad():
        traced(x).numpy().astype("<f4").tofile(out / "logits18.f32")
    print(f"wrote {out / 'resnet50.pt'} (torch {torch.__version__}, torchvision {torchvision.__version__}), "
          f"input 2x3x{size}x{size}, logits 2x{logits.shape[1]}")


if __name__ == "__main__":
    main()
