/**
 * A signature drawn with a finger, pen or mouse on a canvas, handed back as a PNG (base64, without the
 * `data:` prefix). People who cannot draw use the typed signature or a scanned paper form instead.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 600;
const HEIGHT = 180;

export function SignaturePad({
  value,
  onChange,
}: {
  /** The PNG drawn earlier (redrawn when the step is shown again). */
  value: string | null;
  onChange: (pngBase64: string | null) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const initial = useRef(value);
  const [drawn, setDrawn] = useState(value !== null);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#1a1b1e';
    if (!initial.current) return;
    const image = new Image();
    image.onload = () => context.drawImage(image, 0, 0, WIDTH, HEIGHT);
    image.src = `data:image/png;base64,${initial.current}`;
  }, []);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * WIDTH,
      y: ((event.clientY - box.top) / box.height) * HEIGHT,
    };
  };

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
  };
  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setDrawn(true);
    const url = event.currentTarget.toDataURL('image/png');
    onChange(url.slice(url.indexOf(',') + 1));
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
    onChange(null);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" id="signature-pad-hint">
        {t('patients.wizard.signature.drawHint')}
      </Text>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('patients.wizard.signature.drawArea')}
        aria-describedby="signature-pad-hint"
        data-testid="signature-pad"
        style={{
          width: '100%',
          maxWidth: WIDTH,
          aspectRatio: `${WIDTH} / ${HEIGHT}`,
          border: '1px solid var(--mantine-color-gray-6)',
          borderRadius: 4,
          background: 'white',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={clear}>
          {t('patients.wizard.signature.clear')}
        </Button>
        <Text size="sm" aria-live="polite">
          {drawn ? t('patients.wizard.signature.drawn') : t('patients.wizard.signature.notDrawn')}
        </Text>
      </Group>
    </Stack>
  );
}
