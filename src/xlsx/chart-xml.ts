import { ChartModel, argb } from '../sheets/model';
import { NS_R, XML_HEAD, escapeAttr, escapeText } from './xml';

/** DrawingML for a sheet's charts: one drawing part per sheet anchoring each chart, one chart part per chart. */

const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

const cellAnchor = (tag: string, p: { col: number; row: number }): string =>
  `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** xl/drawings/drawingN.xml: chart i of the sheet is relationship `rId{i+1}` of the drawing. */
export function drawingXml(charts: readonly ChartModel[]): string {
  let xml = `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">`;
  charts.forEach((chart, i) => {
    xml += '<xdr:twoCellAnchor editAs="oneCell">';
    xml += cellAnchor('from', chart.from) + cellAnchor('to', chart.to);
    xml += '<xdr:graphicFrame macro="">';
    xml += `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Chart ${i + 1}`)}" descr="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`;
    xml += '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>';
    xml += `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>`;
    xml += '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  });
  return xml + '</xdr:wsDr>';
}

/** xl/drawings/_rels/drawingN.xml.rels: the drawing's charts, by their global numbers. */
export function drawingRelsXml(chartNumbers: readonly number[]): string {
  let xml = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
  chartNumbers.forEach((n, i) => {
    xml += `<Relationship Id="rId${i + 1}" Type="${NS_R}/chart" Target="../charts/chart${n}.xml"/>`;
  });
  return xml + '</Relationships>';
}

/** The RGB part of an ARGB (or RGB) colour, as DrawingML wants it. */
const rgb = (color: string): string => argb(color).slice(2);

/** Axis labels and the legend at 11 pt: nothing on a printed form is smaller than 10 pt. */
const TEXT_11 = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>';

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** xl/charts/chartN.xml: a line chart with markers, one series per model series, over workbook ranges. */
export function chartXml(chart: ChartModel): string {
  let xml = `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">`;
  xml += '<c:roundedCorners val="0"/><c:chart>';
  xml += '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr>';
  xml += `<a:r><a:rPr lang="vi-VN" sz="1400" b="1"><a:latin typeface="Times New Roman"/></a:rPr><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>`;
  xml += '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  xml += '<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>';
  chart.series.forEach((s, i) => {
    const color = rgb(s.color);
    const fill = `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
    xml += `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`;
    xml += `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
    xml += `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr>`;
    xml += `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill}<a:ln w="9525">${fill}</a:ln></c:spPr></c:marker>`;
    xml += `<c:cat><c:strRef><c:f>${escapeText(chart.categories)}</c:f></c:strRef></c:cat>`;
    xml += `<c:val><c:numRef><c:f>${escapeText(s.values)}</c:f></c:numRef></c:val>`;
    xml += '<c:smooth val="0"/></c:ser>';
  });
  xml += `<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>`;
  xml += `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`;
  xml += '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>';
  xml += `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${TEXT_11}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>`;
  xml += '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  xml += `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`;
  xml += '<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/>';
  xml += `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${TEXT_11}<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/>`;
  xml += '<c:crossBetween val="between"/></c:valAx></c:plotArea>';
  xml += `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${TEXT_11}</c:legend>`;
  // Hidden cells are plotted: a series may be a hidden helper column (gaps as #N/A that never prints).
  xml += '<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
  return xml;
}
