import type { ProductGroup, SubjectKind } from '../../events';

/**
 * Vietnamese words of the demo data: product kinds typical of each district of
 * Trà Vinh, and the pieces owner names are made of. Illustrative, not a registry.
 */
export interface ProductKind {
  name: string;
  group: ProductGroup;
}

const food = (name: string): ProductKind => ({ name, group: 'food' });
const drink = (name: string): ProductKind => ({ name, group: 'beverage' });
const herb = (name: string): ProductKind => ({ name, group: 'herbal' });
const craft = (name: string): ProductKind => ({ name, group: 'handicraft' });
const plant = (name: string): ProductKind => ({ name, group: 'ornamental' });
const tour = (name: string): ProductKind => ({ name, group: 'tourism' });

/** Product kinds by district code (GSO). */
export const PRODUCT_KINDS: Record<string, ProductKind[]> = {
  '842': [
    food('Chù ụ rang me'), food('Bánh pía sầu riêng'), food('Nem chua Trà Vinh'), food('Lạp xưởng tươi'), food('Bánh tráng dừa'),
    food('Bánh canh Bến Có khô'), drink('Trà mãng cầu xiêm'), drink('Cà phê rang xay'), drink('Nước mắm nhĩ cá cơm'),
    herb('Trà túi lọc rau má'), herb('Tinh dầu sả chanh'), food('Mật ong hoa dừa'), tour('Du lịch văn hóa Ao Bà Om'),
    craft('Túi xách lục bình'), food('Bánh in nhân sầu riêng'),
  ],
  '844': [
    food('Bưởi da xanh'), food('Chôm chôm Java'), food('Măng cụt'), food('Khô cá lóc'), food('Nấm rơm'), food('Mắm cá lóc'),
    food('Bánh tráng gạo'), food('Cá thát lát rút xương'), drink('Rượu nếp than'), herb('Trà khổ qua rừng'), plant('Mai vàng kiểng'),
    food('Gạo thơm ST'), food('Chả cá thát lát'),
  ],
  '845': [
    food('Dừa sáp'), food('Thạch dừa sáp'), food('Dừa sáp sấy giòn'), drink('Nước cốt dừa sáp'), food('Sầu riêng Ri6'),
    food('Chôm chôm Cầu Kè'), food('Mứt dừa sáp'), drink('Rượu dừa sáp'), food('Bánh phồng dừa'), herb('Dầu dừa nguyên chất'),
    tour('Du lịch miệt vườn cù lao Tân Qui'), food('Kẹo dừa sáp'),
  ],
  '846': [
    food('Khô cá lóc'), food('Chuối sấy'), food('Bánh tráng nước dừa'), drink('Nước ép thanh long'), food('Gạo hữu cơ'),
    herb('Tinh dầu tràm'), food('Bánh ống lá dứa'), food('Khô cá sặc rằn'), food('Tỏi đen'), food('Lạp xưởng cá lóc'),
    craft('Chổi bông cỏ'), food('Dưa kiệu'),
  ],
  '847': [
    food('Dưa lưới'), food('Bánh tét lá cẩm'), food('Mắm tôm chua'), food('Tôm khô'), food('Gạo sạch Hòa Lợi'), food('Cá khô một nắng'),
    herb('Trà sâm dứa'), drink('Rượu đế Song Lộc'), tour('Du lịch cộng đồng Cồn Chim'), food('Bánh da lợn'), food('Mật hoa dừa'),
    craft('Giỏ đan dây nhựa'),
  ],
  '848': [
    food('Bánh tét Trà Cuôn'), food('Mắm bò hóc'), food('Ớt hiểm'), food('Dưa hấu Mỹ Long'), drink('Nước mắm truyền thống'),
    food('Muối hột'), food('Tôm khô Mỹ Long'), food('Khô cá đù'), food('Bánh tráng ớt'), herb('Trà lá sen'), food('Tương ớt'),
    food('Bánh tét Trà Cuôn nhân chuối'),
  ],
  '849': [
    food('Mắm bò hóc'), food('Cốm dẹp'), food('Bánh tét nếp than'), food('Đậu phộng rang'), food('Chuối sấy dẻo'), drink('Rượu nếp'),
    food('Dưa hấu Trà Cú'), food('Bánh ống'), craft('Giỏ đan đát tre'), food('Đường thốt nốt'), herb('Trà thảo mộc Khmer'),
    craft('Khăn rằn dệt tay'),
  ],
  '850': [
    food('Tôm khô'), food('Cua biển'), food('Sò huyết'), food('Mắm ba khía'), food('Cá khô'), food('Muối hột Long Vĩnh'),
    food('Nghêu hấp'), food('Chả cá'), food('Khô cá kèo'), drink('Nước mắm cá cơm'), plant('Cá kiểng'),
  ],
  '851': [
    food('Khô cá dứa'), food('Tôm khô'), food('Mực một nắng'), tour('Du lịch biển Ba Động'), drink('Nước mắm Ba Động'),
    food('Chả cá thu'), food('Khô cá đuối'), food('Bánh phồng tôm'), food('Muối tôm'), herb('Trà lá đinh lăng'),
  ],
};

/** Communes and wards used in cooperative and owner names, by district code. */
export const PLACES: Record<string, string[]> = {
  '842': ['Phường 1', 'Phường 4', 'Phường 7', 'Phường 8', 'Phường 9', 'Long Đức'],
  '844': ['Mỹ Cẩm', 'Nhị Long', 'Đại Phước', 'An Trường', 'Huyền Hội', 'Tân An', 'Bình Phú', 'Phương Thạnh'],
  '845': ['Hòa Ân', 'Hòa Tân', 'Châu Điền', 'Phong Thạnh', 'Ninh Thới', 'Tam Ngãi', 'An Phú Tân', 'Thạnh Phú'],
  '846': ['Hiếu Tử', 'Tân Hòa', 'Phú Cần', 'Long Thới', 'Tập Ngãi', 'Hùng Hòa', 'Ngãi Hùng'],
  '847': ['Hòa Thuận', 'Hưng Mỹ', 'Lương Hòa', 'Song Lộc', 'Đa Lộc', 'Mỹ Chánh', 'Nguyệt Hóa', 'Hòa Lợi'],
  '848': ['Mỹ Long', 'Hiệp Mỹ Đông', 'Kim Hòa', 'Long Sơn', 'Vinh Kim', 'Thạnh Hòa Sơn', 'Nhị Trường'],
  '849': ['Ngọc Biên', 'Tân Hiệp', 'Đại An', 'Kim Sơn', 'Lưu Nghiệp Anh', 'Phước Hưng', 'Định An', 'Hàm Giang'],
  '850': ['Long Khánh', 'Ngũ Lạc', 'Đôn Xuân', 'Đôn Châu', 'Long Vĩnh', 'Đông Hải'],
  '851': ['Trường Long Hòa', 'Hiệp Thạnh', 'Long Hữu', 'Dân Thành', 'Long Toàn'],
};

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Thạch', 'Kim', 'Sơn', 'Lâm', 'Trương', 'Dương', 'Châu'];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoàng', 'Kim', 'Thị Bích'];
export const GIVEN_NAMES = [
  'Hiền', 'Lành', 'Thu', 'Phúc', 'Tâm', 'Hạnh', 'Sang', 'Lợi', 'Nga', 'Dũng', 'Hòa', 'Mai', 'Bảy', 'Sương', 'Thảo', 'Tài',
  'Hậu', 'Nhung', 'Khanh', 'Sa Rết', 'Sóc Kha', 'Thuận', 'Liên', 'Phương', 'Cường', 'Hằng', 'Vũ', 'Duyên', 'Lộc', 'Trinh',
];
/** Southern nicknames by birth order, as household brands go: "Út Hiền", "Sáu Lành". */
export const BIRTH_ORDERS = ['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Út'];
export const ENTERPRISE_FORMS = ['Công ty TNHH', 'Công ty TNHH MTV', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân'];
export const ENTERPRISE_BRANDS = [
  'Thực phẩm Phương Nam', 'Nông sản Trà Vinh Xanh', 'Dừa Sáp Việt', 'Hải sản Ba Động', 'Mekong Foods', 'Sao Mai Trà Vinh',
  'Thương mại Thiên Phúc', 'Nông nghiệp Cửu Long', 'Bảo Châu', 'An Phát Lộc', 'Kim Long Food', 'Sông Hậu Xanh', 'Miền Tây Farm',
  'Tân Thịnh Phát', 'Hương Quê Nhà', 'Vườn Dừa Xanh', 'Biển Đông Seafood', 'Phú Gia', 'Đất Phương Nam', 'Hạnh Phúc Food',
  'Minh Tâm Coco', 'Trà Vinh Coconut', 'Đông Hải Seafood', 'Tâm Đức', 'Thành Tín', 'Hoàng Kim Agri', 'Duyên Hải Foods',
  'Hưng Thịnh Phát', 'Nam Bộ Organic', 'Ánh Dương', 'Quê Hương Việt', 'Tín Nghĩa', 'Sen Vàng', 'Đại Phát', 'Mỹ Phúc',
];
export const COOPERATIVE_TRADES = ['Nông nghiệp', 'Dịch vụ nông nghiệp', 'Thủy sản', 'Nông nghiệp sạch', 'Chế biến nông sản', 'Du lịch cộng đồng'];
export const COOPERATIVE_GROUP_TRADES = ['đan đát', 'làm bánh tét', 'sản xuất nông nghiệp', 'chế biến thủy sản', 'dệt khăn rằn'];

export const SUBJECT_LABELS: Record<SubjectKind, string> = {
  household: 'Hộ kinh doanh',
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
};

/** Reasons of revocations. */
export const REVOCATION_REASONS = {
  lapsed: 'Giấy chứng nhận hết hiệu lực; chủ thể không nộp hồ sơ đánh giá lại',
  foodSafety: 'Vi phạm quy định về an toàn thực phẩm (kết quả hậu kiểm)',
  stopped: 'Chủ thể ngừng sản xuất, kinh doanh sản phẩm',
} as const;

/** An ASCII slug of a Vietnamese name, for listing URLs: "Dừa sáp Cầu Kè" → "dua-sap-cau-ke". */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Product kinds typical of the former Vĩnh Long (86) and Bến Tre (83), by former province code. Illustrative. */
export const FORMER_PROVINCE_PRODUCT_KINDS: Record<'86' | '83', ProductKind[]> = {
  '86': [
    food('Chôm chôm'), food('Khoai lang tím sấy dẻo'), food('Bưởi Năm Roi'), food('Cam sành'), food('Sầu riêng sấy thăng hoa'),
    food('Gạo thơm'), food('Nem chua'), food('Khô cá lóc'), food('Bánh tráng giòn'), food('Dưa ngó lục bình'), food('Nấm bào ngư'),
    food('Nhãn sấy'), food('Bánh pía'), drink('Rượu nếp'), drink('Trà mãng cầu'), herb('Trà túi lọc khổ qua'), craft('Gốm đỏ'),
    craft('Sản phẩm đan lục bình'), plant('Hoa kiểng'), tour('Du lịch homestay cù lao'), tour('Du lịch nhà vườn'),
  ],
  '83': [
    food('Kẹo dừa'), food('Bánh phồng'), food('Bưởi da xanh'), food('Sầu riêng'), drink('Nước cốt dừa'), herb('Dầu dừa tinh khiết'),
    food('Mật ong hoa nhãn'), food('Thạch dừa'), food('Chả lụa'), food('Xoài sấy dẻo'), food('Tôm khô'), food('Nghêu hấp'),
    food('Bánh tráng'), food('Chuối sấy'), drink('Rượu nếp'), drink('Nước dừa đóng chai'), herb('Trà bưởi'), craft('Đồ mỹ nghệ từ dừa'),
    craft('Chén gáo dừa'), plant('Cây giống cây ăn trái'), plant('Bonsai kiểng'), tour('Du lịch sinh thái cồn'), tour('Du lịch miệt vườn'),
  ],
};

/** Trade words of enterprises in the former provinces' registers, combined with a place name. */
export const FORMER_PROVINCE_ENTERPRISE_TRADES = ['Thực phẩm', 'Nông sản', 'Chế biến dừa', 'Thương mại', 'Xuất nhập khẩu nông sản', 'Đặc sản', 'Nông nghiệp xanh', 'Trái cây'];
